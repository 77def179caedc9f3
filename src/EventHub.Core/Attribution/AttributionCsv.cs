using CsvHelper;
using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Attribution;

/// <summary>The participants and the on-record list for the check, read from CSV (comma-separated, header row first).</summary>
/// <remarks>
/// participants: name, organisation, position, role (attendee | nominee | team | host | speaker); optional acronym,
/// aliases (separated by ';'), sector (eu-institution, nato, national-government, parliament, academia, think-tank, media,
/// private-sector, civil-society, other), country (a name, demonym or ISO 3166 code: "Hungary", "Hungarian", "HU"). on-record: name, scope (name | name-and-affiliation); optional agenda_items
/// (separated by ';'). Either file is read whole or not at all: every bad row is reported with its line number.
/// </remarks>
public static class AttributionCsv
{
    public sealed record ParticipantsFile(IReadOnlyList<AttributionParticipant> Participants, IReadOnlyList<AttributionOrganisation> Organisations);

    private static readonly string[] ParticipantColumns = ["name", "organisation", "position", "role"];
    private static readonly string[] OnRecordColumns = ["name", "scope"];

    public static Outcome<ParticipantsFile> ReadParticipants(string csv)
    {
        var read = Read(csv, "participants", ParticipantColumns);
        if (!read.Succeeded)
        {
            return Outcome<ParticipantsFile>.Invalid(read.Errors);
        }

        var (rows, _) = read.Value!;
        var participants = new List<AttributionParticipant>();
        var organisations = new Dictionary<string, (string Name, string? Acronym, List<string> Aliases, Sector? Sector)>(StringComparer.OrdinalIgnoreCase);
        var errors = new List<string>();
        foreach (var row in rows)
        {
            var name = row.Get("name");
            var organisation = row.Get("organisation");
            var roleText = row.Get("role");
            var sectorText = row.Get("sector");
            var problems = new List<string>();
            if (name.Length == 0)
            {
                problems.Add("the name is empty");
            }

            var role = ParticipantRole.Attendee;
            if (roleText.Length > 0 && !Enum.TryParse(Squash(roleText), ignoreCase: true, out role) || roleText.Length > 0 && int.TryParse(roleText, out _))
            {
                problems.Add($"the role must be attendee, nominee, team, host or speaker, not '{roleText}'");
            }

            Sector? sector = null;
            if (sectorText.Length > 0)
            {
                if (Enum.TryParse<Sector>(Squash(sectorText), ignoreCase: true, out var parsed) && !int.TryParse(sectorText, out _))
                {
                    sector = parsed;
                }
                else
                {
                    problems.Add($"the sector must be one of {string.Join(", ", Enum.GetNames<Sector>().Select(Kebab))}, not '{sectorText}'");
                }
            }

            var country = row.Get("country");
            if (country.Length > 0 && AttributionData.Countries.Resolve(country) is null)
            {
                problems.Add($"the country '{country}' is not a country name, demonym or ISO 3166 code");
            }

            var acronym = row.Get("acronym");
            var aliases = Split(row.Get("aliases"));
            if (organisation.Length == 0 && (acronym.Length > 0 || aliases.Count > 0 || sector is not null))
            {
                problems.Add("an acronym, aliases or a sector are given without an organisation");
            }

            if (problems.Count > 0)
            {
                errors.Add($"Line {row.Line}: {string.Join("; ", problems)}.");
                continue;
            }

            participants.Add(new AttributionParticipant(name, organisation.Length == 0 ? null : organisation, NullIfEmpty(row.Get("position")), role, NullIfEmpty(country)));
            if (organisation.Length > 0)
            {
                if (!organisations.TryGetValue(organisation, out var known))
                {
                    known = (organisation, null, [], null);
                }

                // Rows of one organisation may each add what they know: the first acronym and sector win, the rest are aliases.
                if (acronym.Length > 0 && known.Acronym is null)
                {
                    known.Acronym = acronym;
                }
                else if (acronym.Length > 0 && acronym != known.Acronym)
                {
                    aliases.Add(acronym);
                }

                known.Aliases.AddRange(aliases.Where(a => !known.Aliases.Contains(a)));
                known.Sector ??= sector;
                organisations[organisation] = known;
            }
        }

        if (errors.Count > 0)
        {
            return Outcome<ParticipantsFile>.Invalid(new Dictionary<string, string[]> { ["participants"] = errors.ToArray() });
        }

        return Outcome<ParticipantsFile>.Success(new ParticipantsFile(
            participants,
            organisations.Values.Select(o => new AttributionOrganisation(o.Name, o.Acronym, o.Aliases, o.Sector)).ToList()));
    }

    public static Outcome<IReadOnlyList<OnRecordPermission>> ReadOnRecord(string csv)
    {
        var read = Read(csv, "on-record", OnRecordColumns);
        if (!read.Succeeded)
        {
            return Outcome<IReadOnlyList<OnRecordPermission>>.Invalid(read.Errors);
        }

        var permissions = new List<OnRecordPermission>();
        var errors = new List<string>();
        foreach (var row in read.Value!.Rows)
        {
            var name = row.Get("name");
            var scopeText = row.Get("scope");
            var problems = new List<string>();
            if (name.Length == 0)
            {
                problems.Add("the name is empty");
            }

            ConsentScope? scope = scopeText.ToLowerInvariant() switch
            {
                "name" or "name-only" or "name only" => ConsentScope.NameOnly,
                "name-and-affiliation" or "name and affiliation" or "affiliation" => ConsentScope.NameAndAffiliation,
                _ => null,
            };
            if (scope is null)
            {
                problems.Add($"the scope must be 'name' or 'name-and-affiliation', not '{scopeText}'");
            }

            if (problems.Count > 0)
            {
                errors.Add($"Line {row.Line}: {string.Join("; ", problems)}.");
                continue;
            }

            permissions.Add(new OnRecordPermission(name, scope!.Value, Split(row.Get("agenda_items"))));
        }

        return errors.Count > 0
            ? Outcome<IReadOnlyList<OnRecordPermission>>.Invalid(new Dictionary<string, string[]> { ["on-record"] = errors.ToArray() })
            : Outcome<IReadOnlyList<OnRecordPermission>>.Success(permissions);
    }

    private sealed record Row(int Line, Dictionary<string, string> Cells)
    {
        public string Get(string column) => Cells.TryGetValue(column, out var value) ? value.Trim() : "";
    }

    private static Outcome<(List<Row> Rows, string[] Headers)> Read(string csv, string file, string[] required)
    {
        csv = csv.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(csv))
        {
            return Outcome<(List<Row>, string[])>.Invalid(file, $"The {file} file is empty: it needs a header row ({string.Join(", ", required)}).");
        }

        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
        };

        try
        {
            using var reader = CsvReader.Create(new StringReader(csv), options);
            var headers = reader.Headers.Select(h => h.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_')).ToArray();
            var missing = required.Where(r => !headers.Contains(r)).ToList();
            if (missing.Count > 0)
            {
                return Outcome<(List<Row>, string[])>.Invalid(
                    file,
                    $"The {file} file has no {string.Join(", ", missing.Select(m => $"'{m}'"))} column{(missing.Count > 1 ? "s" : "")} (columns found: {string.Join(", ", reader.Headers)}).");
            }

            var rows = new List<Row>();
            while (reader.Read())
            {
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < headers.Length && i < reader.FieldCount; i++)
                {
                    cells[headers[i]] = reader.GetString(i) ?? "";
                }

                if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
                {
                    rows.Add(new Row(checked((int)reader.LineNumber), cells));
                }
            }

            return Outcome<(List<Row>, string[])>.Success((rows, headers));
        }
        catch (CsvFormatException e)
        {
            return Outcome<(List<Row>, string[])>.Invalid(file, $"The {file} file is not valid CSV{(e.LineNumber > 0 ? $" at line {e.LineNumber}" : "")}: {e.Message}");
        }
    }

    private static List<string> Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static string Squash(string value) => value.Replace("-", "").Replace("_", "").Replace(" ", "");

    private static string Kebab(string name) => string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? $"-{char.ToLowerInvariant(c)}" : char.ToLowerInvariant(c).ToString()));
}
