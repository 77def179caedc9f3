using System.Text.Json;
using EventHub.Web.Hosting;

namespace EventHub.Web.Tests;

/// <summary>`dotnet run --project src/EventHub.Web -- check-attribution ...`, run in-process as Program runs it: no host, no database.</summary>
public sealed class CheckAttributionCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("check-attribution-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Seed(string name) => Path.Combine(AppContext.BaseDirectory, "Attribution", name);

    private string Write(string name, string content)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var (command, hostArgs) = HostCommands.Parse(args);
        Assert.True(HostCommands.RunsWithoutHost(command));
        Assert.Empty(hostArgs);
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = HostCommands.RunWithoutHost(command!, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public void The_seed_report_with_its_on_record_list_is_clean_and_exits_0()
    {
        var (exit, output, error) = Run("check-attribution", "--participants", Seed("seed-participants.csv"), "--draft", Seed("seed-event-report.md"), "--on-record", Seed("seed-on-record.csv"));

        Assert.Equal(0, exit);
        Assert.Equal("[]", output.Trim());
        Assert.Equal("", error);
    }

    [Fact]
    public void Findings_are_printed_as_json_with_line_and_column_and_exit_1()
    {
        var draft = Write("draft.md", "# Report\n\nThe talk was lively.\nIn the end, Niklas Müller and an official from the EEAS disagreed.\n");

        var (exit, output, _) = Run("check-attribution", "--participants", Seed("seed-participants.csv"), "--draft", draft);

        Assert.Equal(1, exit);
        var findings = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, findings.Count);
        Assert.Equal("Name", findings[0].GetProperty("kind").GetString());
        Assert.Equal("Niklas Müller", findings[0].GetProperty("text").GetString());
        Assert.Equal(4, findings[0].GetProperty("line").GetInt32());
        Assert.Equal(13, findings[0].GetProperty("column").GetInt32());
        Assert.Equal("SmallGroup", findings[1].GetProperty("kind").GetString());
        Assert.Equal("an official from the EEAS", findings[1].GetProperty("text").GetString());
        Assert.Equal("an official from an EU institution", findings[1].GetProperty("suggestion").GetString());
        Assert.Contains("\n  ", output); // indented for people to read
        Assert.Equal(2, findings[1].GetProperty("fits").GetInt32()); // the EEAS sent two
        Assert.True(findings[1].GetProperty("population").GetInt32() > 30);
    }

    [Fact]
    public void An_optional_country_column_narrows_descriptions_and_a_bad_country_is_named_and_exits_2()
    {
        var participants = Write("participants.csv", "name,organisation,position,role,country\nEszter Kis,Permanent Representation of Hungary to the EU,Counsellor,attendee,Hungary\nJan Smit,NATO,Analyst,attendee,NL\nPiet Bos,NATO,Analyst,attendee,Netherlands\n");
        var draft = Write("draft.md", "# Report\n\nThe Hungarian diplomat insisted on a softer text. A Dutch participant agreed.\n");

        var (exit, output, _) = Run("check-attribution", "--participants", participants, "--draft", draft);

        Assert.Equal(1, exit);
        var findings = JsonDocument.Parse(output).RootElement.EnumerateArray().ToList();
        Assert.Equal(["The Hungarian diplomat", "A Dutch participant"], findings.Select(f => f.GetProperty("text").GetString()));
        Assert.Equal(1, findings[0].GetProperty("fits").GetInt32());
        Assert.Equal("Eszter Kis", findings[0].GetProperty("pointsTo").GetString());
        Assert.Equal(2, findings[1].GetProperty("fits").GetInt32());

        var bad = Write("bad.csv", "name,organisation,position,role,country\nEszter Kis,EEAS,Counsellor,attendee,Atlantis\n");
        (exit, _, var error) = Run("check-attribution", "--participants", bad, "--draft", draft);
        Assert.Equal(2, exit);
        Assert.Contains("Line 2: the country 'Atlantis' is not a country name, demonym or ISO 3166 code", error);
    }

    [Fact]
    public void A_missing_file_is_named_and_exits_2()
    {
        var (exit, output, error) = Run("check-attribution", "--participants", Path.Combine(folder, "nobody.csv"), "--draft", Seed("seed-event-report.md"));

        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains("participants file", error);
        Assert.Contains("nobody.csv", error);
        Assert.Contains("does not exist", error);
    }

    [Fact]
    public void A_missing_column_is_named_and_exits_2()
    {
        var participants = Write("participants.csv", "name,organisation,position\nAnna Nowak,EEAS,Policy Officer\n");

        var (exit, _, error) = Run("check-attribution", "--participants", participants, "--draft", Seed("seed-event-report.md"));

        Assert.Equal(2, exit);
        Assert.Contains("no 'role' column", error);
    }

    [Fact]
    public void Bad_rows_are_reported_with_their_line_numbers_and_exit_2()
    {
        var participants = Write("participants.csv", "name,organisation,position,role\nAnna Nowak,EEAS,Policy Officer,attendee\n,EEAS,Analyst,attendee\nJan Smit,NATO,Analyst,guest\n");
        var onRecord = Write("on-record.csv", "name,scope\nAnna Nowak,everything\n");

        var (exit, _, error) = Run("check-attribution", "--participants", participants, "--draft", Seed("seed-event-report.md"));
        Assert.Equal(2, exit);
        Assert.Contains("Line 3: the name is empty", error);
        Assert.Contains("Line 4: the role must be attendee, nominee, team, host or speaker, not 'guest'", error);

        var fixedParticipants = Write("participants2.csv", "name,organisation,position,role\nAnna Nowak,EEAS,Policy Officer,attendee\n");
        (exit, _, error) = Run("check-attribution", "--participants", fixedParticipants, "--draft", Seed("seed-event-report.md"), "--on-record", onRecord);
        Assert.Equal(2, exit);
        Assert.Contains("Line 2: the scope must be 'name' or 'name-and-affiliation', not 'everything'", error);
    }

    [Fact]
    public void A_missing_option_or_an_unknown_one_shows_the_usage_and_exits_2()
    {
        var (exit, _, error) = Run("check-attribution", "--draft", Seed("seed-event-report.md"));
        Assert.Equal(2, exit);
        Assert.Contains("--participants is missing", error);
        Assert.Contains("Usage: check-attribution", error);

        (exit, _, error) = Run("check-attribution", "--participants", Seed("seed-participants.csv"), "--draft", Seed("seed-event-report.md"), "--verbose", "yes");
        Assert.Equal(2, exit);
        Assert.Contains("Unknown option '--verbose'", error);
    }
}
