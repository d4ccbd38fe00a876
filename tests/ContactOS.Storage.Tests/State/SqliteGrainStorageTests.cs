using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.State;

public sealed class SqliteGrainStorageTests() : GrainStorageTests(new SqliteTarget());
