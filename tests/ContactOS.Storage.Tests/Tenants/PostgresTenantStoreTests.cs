using ContactOS.Storage.Tests.Infrastructure;
using ContactOS.Testing.Postgres;

namespace ContactOS.Storage.Tests.Tenants;

public sealed class PostgresTenantStoreTests(PostgresFixture postgres)
    : TenantStoreTests(new PostgresTarget(postgres)), IClassFixture<PostgresFixture>;
