using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using EventHub.Core.Attribution;

namespace EventHub.Web.Hosting;

/// <summary>
/// `check-attribution --participants FILE.csv --draft FILE.md [--on-record FILE.csv] [--small-group K]`: the non-attribution
/// check on files, without a database. Prints the findings as JSON; exits 0 when clean, 1 with findings, 2 on bad input.
/// </summary>
public static class CheckAttributionCommand
{
    public const string Verb = "check-attribution";

    private const string Usage = "Usage: check-attribution --participants FILE.csv --draft FILE.md [--on-record FILE.csv] [--small-group K]";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter() },
        // Names with diacritics stay readable in the terminal.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public sealed record PrintedFinding(
        string Kind,
        int Line,
        int Column,
        int Start,
        int Length,
        string Text,
        string PointsTo,
        string Why,
        string Suggestion,
        string Key,
        int? Fits,
        int? Population);

    /// <param name="command">The verb and its options, as <see cref="HostCommands.Parse"/> returns them.</param>
    public static int Run(string[] command, TextWriter output, TextWriter error)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < command.Length; i++)
        {
            var name = command[i];
            if (name is not ("--participants" or "--draft" or "--on-record" or "--small-group"))
            {
                error.WriteLine($"Unknown option '{name}'.");
                error.WriteLine(Usage);
                return 2;
            }

            if (i + 1 >= command.Length || command[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                error.WriteLine($"The option {name} needs a value.");
                error.WriteLine(Usage);
                return 2;
            }

            options[name] = command[++i];
        }

        foreach (var required in (string[])["--participants", "--draft"])
        {
            if (!options.ContainsKey(required))
            {
                error.WriteLine($"The option {required} is missing.");
                error.WriteLine(Usage);
                return 2;
            }
        }

        var smallGroup = 2;
        if (options.TryGetValue("--small-group", out var k) && (!int.TryParse(k, out smallGroup) || smallGroup < 1))
        {
            error.WriteLine($"--small-group must be a whole number of at least 1, not '{k}'.");
            return 2;
        }

        if (ReadFile(options["--participants"], "participants", error) is not { } participantsText
            || ReadFile(options["--draft"], "draft", error) is not { } draft)
        {
            return 2;
        }

        var participants = AttributionCsv.ReadParticipants(participantsText);
        if (!participants.Succeeded)
        {
            WriteErrors(error, options["--participants"], participants.Errors);
            return 2;
        }

        IReadOnlyList<OnRecordPermission> onRecord = [];
        if (options.TryGetValue("--on-record", out var onRecordPath))
        {
            if (ReadFile(onRecordPath, "on-record", error) is not { } onRecordText)
            {
                return 2;
            }

            var read = AttributionCsv.ReadOnRecord(onRecordText);
            if (!read.Succeeded)
            {
                WriteErrors(error, onRecordPath, read.Errors);
                return 2;
            }

            onRecord = read.Value!;
            var names = participants.Value!.Participants.Select(p => p.Name).ToList();
            foreach (var unknown in onRecord.Where(p => !names.Any(n => AttributionChecker.SameName(n, p.Name))))
            {
                error.WriteLine($"Note: '{unknown.Name}' is on record but not among the participants; the consent has no effect.");
            }
        }

        var context = new AttributionContext(participants.Value!.Participants, participants.Value.Organisations, onRecord, smallGroup);
        var findings = AttributionChecker.Check(draft, context);
        var printed = findings.Select(f =>
        {
            var (line, column) = AttributionChecker.LineAndColumn(draft, f.Start);
            return new PrintedFinding(f.Kind.ToString(), line, column, f.Start, f.Length, f.Text, f.PointsTo, f.Why, f.Suggestion, f.Key, f.Fits, f.Population);
        }).ToList();
        output.WriteLine(JsonSerializer.Serialize(printed, Json));
        return printed.Count == 0 ? 0 : 1;
    }

    private static string? ReadFile(string given, string what, TextWriter error)
    {
        // `dotnet run --project` starts the app in the project's folder; a relative path means the caller's folder ($PWD).
        var shell = Environment.GetEnvironmentVariable("PWD");
        var path = Path.IsPathRooted(given) || File.Exists(given) || string.IsNullOrEmpty(shell) ? given : Path.Combine(shell, given);
        if (!File.Exists(path))
        {
            error.WriteLine($"The {what} file '{given}' does not exist.");
            return null;
        }

        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"The {what} file '{path}' cannot be read: {e.Message}");
            return null;
        }
    }

    private static void WriteErrors(TextWriter error, string path, IReadOnlyDictionary<string, string[]> errors)
    {
        foreach (var message in errors.SelectMany(e => e.Value))
        {
            error.WriteLine($"{path}: {message}");
        }
    }
}
