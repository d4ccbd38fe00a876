using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.Schema;

public sealed class SqliteSchemaMigratorTests() : SchemaMigratorTests(new SqliteTarget());
