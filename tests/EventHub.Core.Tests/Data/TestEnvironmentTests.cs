using EventHub.TestSupport;

namespace EventHub.Core.Tests.Data;

public sealed class TestEnvironmentTests
{
    /// <summary>test.sh starts PostgreSQL and sets EVENTHUB_REQUIRE_POSTGRES: data tests must then really run on it, not silently only on SQLite.</summary>
    [Fact]
    public void PostgreSql_is_configured_when_the_run_requires_it()
    {
        if (Environment.GetEnvironmentVariable("EVENTHUB_REQUIRE_POSTGRES") == "1")
        {
            Assert.NotNull(TestDatabase.PostgresServer);
            Assert.Contains(TestDatabase.Providers(), p => p[0] is Core.Data.DatabaseProvider.PostgreSql);
        }
    }
}
