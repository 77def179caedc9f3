namespace EventHub.Core.Data;

/// <summary>
/// The data step of the migration that introduced organisation roles (<c>OrganisationRoles</c>): before it, every staff
/// member linked to an organisation could create its events and keep its directory. Carried over: whoever organises an
/// event of organisation O may create events in O and keeps O's directory, from the day they joined that event's team.
/// Nobody is made a manager: administrators grant that. Door staff, vetters, rapporteurs and host reviewers get nothing.
/// </summary>
/// <remarks>
/// One INSERT ... SELECT that SQLite, SQL Server and PostgreSQL all run: the grant's key is the triple (no generated id),
/// role names are the strings EF stores for the enums, and only the identifier quoting differs (SQL Server's brackets,
/// since sqlcmd runs the deploy script with QUOTED_IDENTIFIER off). It runs once, inside the migration's transaction: a
/// startup step would run on every start and bring back grants a manager had withdrawn.
/// Kept as written on the day of the migration; later model changes must not edit it.
/// </remarks>
public static class OrganisationRoleCarryOver
{
    public static string Sql(string? activeProvider)
    {
        var sqlServer = activeProvider?.Contains("SqlServer", StringComparison.Ordinal) == true;
        string Q(string name) => sqlServer ? $"[{name}]" : $"\"{name}\"";
        return $"""
            INSERT INTO {Q("OrganisationRoleGrants")} ({Q("OrganisationId")}, {Q("UserId")}, {Q("Role")}, {Q("GrantedAtUtc")})
            SELECT e.{Q("OrganisationId")}, t.{Q("UserId")}, r.{Q("Role")}, MIN(t.{Q("AddedAtUtc")})
            FROM {Q("EventTeamMembers")} t
            INNER JOIN {Q("Events")} e ON e.{Q("Id")} = t.{Q("EventId")}
            CROSS JOIN (SELECT 'CreatesEvents' AS {Q("Role")} UNION ALL SELECT 'KeepsDirectory') r
            WHERE t.{Q("Role")} = 'Organiser'
            GROUP BY e.{Q("OrganisationId")}, t.{Q("UserId")}, r.{Q("Role")};
            """;
    }
}
