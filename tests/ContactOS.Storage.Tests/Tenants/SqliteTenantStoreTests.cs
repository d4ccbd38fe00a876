using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.Tenants;

public sealed class SqliteTenantStoreTests() : TenantStoreTests(new SqliteTarget());
