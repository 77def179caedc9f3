using EventHub.Core.Data;
using EventHub.Core.Features.Admin;
using EventHub.Core.Features.Demo;

namespace EventHub.Web.Hosting;

/// <summary>
/// Command verbs on the same host: `migrate`, `seed-demo`, `create-admin EMAIL`, `verify-audit`, `dispatch-outbox`,
/// `rotate-keys`, and `check-attribution ...`, which runs without the host or a database (<see cref="CheckAttributionCommand"/>).
/// `dotnet run --project src/EventHub.Web -- migrate` runs one and exits; without a verb the web app starts. `help` lists the
/// verbs; an unknown one (a typo) lists them on stderr and exits 2 without starting anything.
/// </summary>
public static class HostCommands
{
    private static readonly string[] Verbs = ["migrate", "seed-demo", "create-admin", "verify-audit", "dispatch-outbox", "rotate-keys", CheckAttributionCommand.Verb];

    private static readonly string[] HelpWords = ["help", "--help", "-h", "-?", "/?"];

    /// <summary>
    /// Splits the verb (and its argument) from the arguments the host itself reads. A first argument that is neither a known
    /// verb nor a host argument (a switch such as <c>--urls</c>, or <c>key=value</c>) is returned as the command too: Program
    /// refuses it with the list of verbs instead of starting the web app on a typo.
    /// </summary>
    public static (string[]? Command, string[] HostArgs) Parse(string[] args)
    {
        if (args.Length == 0 || (!Verbs.Contains(args[0]) && !HelpWords.Contains(args[0]) && IsHostArgument(args[0])))
        {
            return (null, args);
        }

        var take = args[0] switch
        {
            "create-admin" => 2,
            CheckAttributionCommand.Verb => args.Length, // its options are its own, not the host's
            _ => 1,
        };
        return (args.Take(take).ToArray(), args.Skip(take).ToArray());
    }

    /// <summary>What the host's command-line configuration reads: <c>--key value</c>, <c>--key=value</c>, <c>/key value</c>, <c>key=value</c>.</summary>
    private static bool IsHostArgument(string arg) => arg.StartsWith('-') || arg.StartsWith('/') || arg.Contains('=');

    /// <summary>
    /// True for a command that needs neither the host nor the database: check-attribution, help, and an unknown verb.
    /// Program runs it before building either.
    /// </summary>
    public static bool RunsWithoutHost(string[]? command) => command is [var verb, ..] && (verb == CheckAttributionCommand.Verb || !Verbs.Contains(verb));

    public static int RunWithoutHost(string[] command, TextWriter output, TextWriter error)
    {
        if (command[0] == CheckAttributionCommand.Verb)
        {
            return CheckAttributionCommand.Run(command, output, error);
        }

        if (HelpWords.Contains(command[0]))
        {
            WriteUsage(output);
            return 0;
        }

        error.WriteLine($"Unknown command '{command[0]}'.");
        WriteUsage(error);
        return 2;
    }

    private static void WriteUsage(TextWriter writer)
    {
        writer.WriteLine("""
            Usage: EventHub.Web [COMMAND] [host options such as --urls http://127.0.0.1:5000]
            Without a command the web app starts. Commands (each runs once and exits):
              migrate                   apply the database migrations
              seed-demo                 migrate and add the demo events and accounts (once)
              create-admin EMAIL        create an Administrator, or make an existing account one
              verify-audit              check the audit log's hash chain (exit 1 names the first broken link)
              dispatch-outbox           send every due outbox email now
              rotate-keys               create a new Data Protection key for every node
              check-attribution --participants FILE.csv --draft FILE.md [--on-record FILE.csv] [--small-group K]
                                        check a draft for attributable statements, without a database
            """);
    }

    public static async Task<int> RunAsync(WebApplication app, string[] command)
    {
        var initializer = app.Services.GetRequiredService<DatabaseInitializer>();
        switch (command[0])
        {
            case "migrate":
                await initializer.MigrateAsync();
                Console.WriteLine("The database is up to date.");
                return 0;

            case "seed-demo":
            {
                await initializer.MigrateAsync();
                await using var scope = app.Services.CreateAsyncScope();
                var logins = await scope.ServiceProvider.GetRequiredService<SeedDemo>().ExecuteAsync();
                if (logins is null)
                {
                    Console.WriteLine($"The demo is already there ({SeedDemo.AdminEmail} exists); nothing was changed.");
                    return 0;
                }

                PrintDemoLogins(logins);
                return 0;
            }

            case "create-admin":
            {
                if (command.Length < 2)
                {
                    Console.Error.WriteLine("Usage: create-admin EMAIL");
                    return 2;
                }

                await initializer.MigrateAsync();
                await using var scope = app.Services.CreateAsyncScope();
                var outcome = await scope.ServiceProvider.GetRequiredService<CreateAdministrator>().ExecuteAsync(command[1]);
                if (!outcome.Succeeded)
                {
                    Console.Error.WriteLine(string.Join(" ", outcome.Errors.SelectMany(e => e.Value)));
                    return 1;
                }

                Console.WriteLine(outcome.Value!.Existed
                    ? $"{command[1]} is now an Administrator (the account already existed; its password is unchanged)."
                    : $"Created Administrator {command[1]} with password: {outcome.Value.Password}\nIt is shown only this once.");
                return 0;
            }

            case "verify-audit":
            {
                // Walks the audit log's hash chain; exit code 1 names the first broken link. Reads only: no migration.
                var report = await app.Services.GetRequiredService<EventHub.Core.Auditing.AuditChainVerifier>().VerifyAsync();
                (report.Valid ? Console.Out : Console.Error).WriteLine(report.Summary);
                return report.Valid ? 0 : 1;
            }

            case "rotate-keys":
            {
                // A new default Data Protection key now, in the database for every node. Old keys stay: they still read the
                // cookies, links, passes and security data protected with them. See deploy/README.md.
                var keys = app.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>();
                var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
                var key = keys.CreateNewKey(activationDate: now, expirationDate: now.AddDays(90));
                Console.WriteLine($"New Data Protection key {key.KeyId}, active from {key.ActivationDate:u} until {key.ExpirationDate:u}. Earlier keys still decrypt what they protected.");
                return 0;
            }

            case "dispatch-outbox":
            {
                // Sends every due outbox email now and exits: for a node without Hangfire workers, and for the fault tests,
                // which kill this process mid-way and start it again.
                await initializer.MigrateAsync();
                var total = 0;
                while (true)
                {
                    await using var scope = app.Services.CreateAsyncScope();
                    var summary = await scope.ServiceProvider.GetRequiredService<EventHub.Core.Jobs.DispatchOutbox>().ExecuteAsync(CancellationToken.None);
                    total += summary.Sent;
                    Console.WriteLine($"Claimed {summary.Claimed}, sent {summary.Sent}, retrying {summary.Retrying}, failed {summary.Failed}.");
                    if (summary.Claimed == 0)
                    {
                        break;
                    }
                }

                Console.WriteLine($"Dispatched {total} emails; nothing more is due.");
                return 0;
            }

            default:
                return RunWithoutHost(command, Console.Out, Console.Error);
        }
    }

    public static void PrintDemoLogins(IReadOnlyList<DemoLogin>? logins)
    {
        if (logins is null)
        {
            return;
        }

        Console.WriteLine();
        Console.WriteLine("==== EventHub demo accounts (passwords are shown only this once) ====");
        foreach (var login in logins)
        {
            Console.WriteLine($"  {login.Role,-24} {login.Email,-28} {login.Password}");
        }

        Console.WriteLine("======================================================================");
        Console.WriteLine();
    }
}
