using ContactOS.Storage.Tests.Infrastructure;

namespace ContactOS.Storage.Tests.State;

public sealed class SqliteGrainStateStoreTests() : GrainStateStoreTests(new SqliteTarget());
