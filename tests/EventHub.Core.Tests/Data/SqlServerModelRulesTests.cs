using EventHub.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;

namespace EventHub.Core.Tests.Data;

/// <summary>
/// SQL Server refuses what SQLite and PostgreSQL accept, and no server here would notice: a second cascading path to a table
/// (error 1785) and an index over nvarchar(max) (error 1919). This walks the model built for SQL Server and fails on either.
/// </summary>
public sealed class SqlServerModelRulesTests
{
    private static IModel SqlServerModel()
    {
        using var db = new EventHubDbContext(EventHubDbContext.CreateOptions(DatabaseProvider.SqlServer, "Server=unused;Database=unused;TrustServerCertificate=True"));
        return db.GetService<IDesignTimeModel>().Model;
    }

    [Fact]
    public void No_table_is_reached_by_two_cascading_paths()
    {
        var model = SqlServerModel();
        var problems = new List<string>();
        foreach (var target in model.GetEntityTypes().Where(e => e.GetTableName() is not null))
        {
            // Every path of cascading foreign keys (CASCADE, SET NULL, SET DEFAULT all count) that ends at this table.
            var paths = new List<string>();
            void Walk(IEntityType table, string path, HashSet<IEntityType> seen)
            {
                foreach (var fk in table.GetForeignKeys().Where(Cascades))
                {
                    var principal = fk.PrincipalEntityType;
                    var step = $"{principal.GetTableName()} -> {path}";
                    if (!seen.Add(principal))
                    {
                        problems.Add($"cycle of cascading deletes: {step}");
                        continue;
                    }

                    paths.Add(step);
                    Walk(principal, step, seen);
                    seen.Remove(principal);
                }
            }

            Walk(target, target.GetTableName()!, [target]);
            foreach (var group in paths.GroupBy(p => p.Split(" -> ")[0]).Where(g => g.Count() > 1))
            {
                problems.Add($"{target.GetTableName()} is reached from {group.Key} by {group.Count()} cascading paths: {string.Join(" | ", group)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Distinct()));
    }

    [Fact]
    public void No_index_or_key_covers_an_unbounded_string()
    {
        var model = SqlServerModel();
        var problems = model.GetEntityTypes()
            .SelectMany(e => e.GetIndexes().Select(i => (Entity: e, i.Properties)).Concat(e.GetKeys().Select(k => (Entity: e, k.Properties))))
            .SelectMany(x => x.Properties.Select(p => (x.Entity, Property: p)))
            .Where(x => x.Property.ClrType == typeof(string) && x.Property.GetColumnType()?.Contains("max", StringComparison.OrdinalIgnoreCase) != false && x.Property.GetMaxLength() is null)
            .Select(x => $"{x.Entity.GetTableName()}.{x.Property.GetColumnName()} is indexed but has no MaxLength (nvarchar(max))")
            .Distinct()
            .ToList();

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static bool Cascades(IForeignKey fk) => fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull;
}
