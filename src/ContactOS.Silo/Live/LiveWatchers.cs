namespace ContactOS.Silo.Live;

/// <summary>
/// Who watches what on this silo: each connection's tenant (from its token) and the period it watches. The publisher
/// computes only the tenants and periods found here, so a tenant nobody watches costs nothing.
/// </summary>
internal sealed class LiveWatchers
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Connection> _connections = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LiveTenant> _tenants = new(StringComparer.Ordinal);

    public void Connect(string connectionId, string tenantId)
    {
        lock (_lock)
        {
            if (!_tenants.TryGetValue(tenantId, out var tenant))
            {
                tenant = new LiveTenant(tenantId);
                _tenants[tenantId] = tenant;
            }

            tenant.Connections++;
            _connections[connectionId] = new Connection(tenant);
        }
    }

    public void Disconnect(string connectionId)
    {
        lock (_lock)
        {
            if (!_connections.Remove(connectionId, out var connection))
            {
                return;
            }

            Leave(connection);
            if (--connection.Tenant.Connections == 0)
            {
                _tenants.Remove(connection.Tenant.TenantId);
            }
        }
    }

    /// <summary>The tenant of an open connection; null once it has disconnected.</summary>
    public LiveTenant? TenantOf(string connectionId)
    {
        lock (_lock)
        {
            return _connections.TryGetValue(connectionId, out var connection) ? connection.Tenant : null;
        }
    }

    /// <summary>
    /// Makes the connection watch <paramref name="period"/> instead of what it watched before (<paramref name="left"/>,
    /// null if nothing or the same period). Returns the group it is in now; null once it has disconnected.
    /// </summary>
    public LiveGroup? Watch(string connectionId, string period, out LiveGroup? left)
    {
        left = null;
        lock (_lock)
        {
            if (!_connections.TryGetValue(connectionId, out var connection))
            {
                return null;
            }

            if (connection.Group?.Period == period)
            {
                return connection.Group;
            }

            left = connection.Group;
            Leave(connection);
            var tenant = connection.Tenant;
            if (!tenant.Groups.TryGetValue(period, out var group))
            {
                group = new LiveGroup(tenant.TenantId, period);
                tenant.Groups[period] = group;
            }

            group.Watchers++;
            connection.Group = group;
            return group;
        }
    }

    /// <summary>True when at least one connection on this silo watches a period of the tenant.</summary>
    public bool IsWatched(string tenantId) => FindWatched(tenantId) is not null;

    /// <summary>The tenant when at least one connection on this silo watches one of its periods; null otherwise.</summary>
    public LiveTenant? FindWatched(string tenantId)
    {
        lock (_lock)
        {
            return _tenants.TryGetValue(tenantId, out var tenant) && tenant.Groups.Count > 0 ? tenant : null;
        }
    }

    /// <summary>The tenants watched on this silo now.</summary>
    public IReadOnlyList<string> WatchedTenants()
    {
        lock (_lock)
        {
            return [.. _tenants.Values.Where(t => t.Groups.Count > 0).Select(t => t.TenantId)];
        }
    }

    /// <summary>The tenant's groups as they are now (a copy).</summary>
    public IReadOnlyList<LiveGroup> GroupsOf(LiveTenant tenant)
    {
        lock (_lock)
        {
            return [.. tenant.Groups.Values];
        }
    }

    private static void Leave(Connection connection)
    {
        if (connection.Group is { } group && --group.Watchers == 0)
        {
            connection.Tenant.Groups.Remove(group.Period);
        }

        connection.Group = null;
    }

    private sealed class Connection(LiveTenant tenant)
    {
        public LiveTenant Tenant { get; } = tenant;

        public LiveGroup? Group { get; set; }
    }
}
