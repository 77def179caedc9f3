using System.Security.Claims;
using System.Text;
using CsvHelper;
using EventHub.Core.Auditing;
using EventHub.Core.Authorization;
using EventHub.Core.Common;
using EventHub.Core.Data;
using EventHub.Core.Privacy;
using Microsoft.EntityFrameworkCore;

namespace EventHub.Core.Features.Directory;

/// <summary>Which file column (by index) holds each field; a field without a column is not imported.</summary>
public sealed class ImportMapping
{
    public Dictionary<ContactField, int> Columns { get; init; } = [];

    public int? ColumnOf(ContactField field) => Columns.TryGetValue(field, out var index) ? index : null;
}

public enum ExistingContactPolicy
{
    /// <summary>A row whose email is already in the directory overwrites that contact.</summary>
    Update,

    /// <summary>A row whose email is already in the directory is left out.</summary>
    Skip,
}

public sealed record ImportAnalysis(string EncodingName, char Separator, IReadOnlyList<string> Headers, ImportMapping SuggestedMapping, int RowCount);

public sealed class ImportRequest
{
    public Guid DirectoryOrganisationId { get; init; }
    public required byte[] File { get; init; }
    public required ImportMapping Mapping { get; init; }
    public ExistingContactPolicy Existing { get; init; } = ExistingContactPolicy.Update;

    /// <summary>The organiser's explicit choice to import the valid rows of a file that has errors.</summary>
    public bool ImportValidRows { get; init; }
}

/// <summary>A row that will not be imported: its physical line in the file (the header is line 1) and why.</summary>
public sealed record ImportRowError(int Line, string Reason);

public sealed record ImportPreview(int Rows, int WillAdd, int WillUpdate, int WillSkip, IReadOnlyList<ImportRowError> Errors);

public sealed record ImportResult(int Added, int Updated, int Skipped, int LeftOut);

public sealed record ImportProgress(int Processed, int Total);

/// <summary>
/// Imports experts from a CSV file in three steps: <see cref="Analyse"/> (encoding, separator, headers, a suggested
/// mapping), <see cref="PreviewAsync"/> (what would happen, and every bad row with its line number; writes nothing) and
/// <see cref="ExecuteAsync"/>, the commit: all valid rows in one transaction, refused when the file has errors unless the
/// organiser chose to import the valid rows.
/// </summary>
public sealed class ImportContacts(IDbContextFactory<EventHubDbContext> dbFactory, DirectoryAccess access, AuditLog audit, TimeProvider clock)
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Encoding Windows1252 = LoadWindows1252();

    /// <summary>Rows saved per round trip; progress is reported after each.</summary>
    internal int BatchSize { get; set; } = 500;

    public static Outcome<ImportAnalysis> Analyse(byte[] file)
    {
        var read = Read(file);
        if (read.Value is not { } csv)
        {
            return Outcome<ImportAnalysis>.Invalid(read.Errors);
        }

        var suggested = new ImportMapping();
        for (var i = 0; i < csv.Headers.Count; i++)
        {
            if (ContactCsv.Recognise(csv.Headers[i]) is { } field)
            {
                suggested.Columns.TryAdd(field, i);
            }
        }

        return Outcome<ImportAnalysis>.Success(new ImportAnalysis(csv.EncodingName, csv.Separator, csv.Headers, suggested, csv.Rows.Count));
    }

    public async Task<Outcome<ImportPreview>> PreviewAsync(ClaimsPrincipal actor, ImportRequest request, CancellationToken ct = default)
    {
        if (!await access.CanManageAsync(actor, request.DirectoryOrganisationId, ct))
        {
            return Outcome<ImportPreview>.Forbidden();
        }

        var checkedFile = Check(request);
        if (checkedFile.Value is not { } rows)
        {
            return Outcome<ImportPreview>.Invalid(checkedFile.Errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        rows = await LeaveOutSuppressedAsync(db, rows, ct);
        var existing = (await db.Contacts.Where(c => c.DirectoryOrganisationId == request.DirectoryOrganisationId)
            .Select(c => c.NormalizedEmail).ToListAsync(ct)).ToHashSet();
        var known = rows.Valid.Count(r => existing.Contains(r.NormalizedEmail));
        return Outcome<ImportPreview>.Success(new ImportPreview(
            rows.Rows,
            rows.Valid.Count - known,
            request.Existing == ExistingContactPolicy.Update ? known : 0,
            request.Existing == ExistingContactPolicy.Skip ? known : 0,
            rows.Errors));
    }

    /// <summary>The commit: writes every valid row in one transaction, or nothing.</summary>
    public async Task<Outcome<ImportResult>> ExecuteAsync(ClaimsPrincipal actor, ImportRequest request, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        if (!await access.CanManageAsync(actor, request.DirectoryOrganisationId, ct))
        {
            return Outcome<ImportResult>.Forbidden();
        }

        var checkedFile = Check(request);
        if (checkedFile.Value is not { } rows)
        {
            return Outcome<ImportResult>.Invalid(checkedFile.Errors);
        }

        await using (var lookup = await dbFactory.CreateDbContextAsync(ct))
        {
            rows = await LeaveOutSuppressedAsync(lookup, rows, ct);
        }

        if (rows.Errors.Count > 0 && !request.ImportValidRows)
        {
            return Outcome<ImportResult>.Invalid("", $"Nothing was imported: {Rows(rows.Errors.Count)} with errors. Fix them and upload the file again, or choose to import the valid rows.");
        }

        if (rows.Valid.Count == 0)
        {
            return Outcome<ImportResult>.Invalid("", "Nothing was imported: the file has no valid rows.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            // A retried import starts again from the directory as it is then (progress restarts from 0).
            return await db.InTransactionAsync(async token =>
                await db.Organisations.AnyAsync(o => o.Id == request.DirectoryOrganisationId, token)
                    ? Outcome<ImportResult>.Success(await WriteAsync(db, actor, request, rows, progress, token))
                    : Outcome<ImportResult>.NotFound(), ct);
        }
        catch (DbUpdateException)
        {
            return Outcome<ImportResult>.Conflict("Nothing was imported: the directory changed while the file was being imported (another organiser added one of these emails). Try again.");
        }
    }

    private async Task<ImportResult> WriteAsync(EventHubDbContext db, ClaimsPrincipal actor, ImportRequest request, CheckedRows rows, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var existing = await db.Contacts.Where(c => c.DirectoryOrganisationId == request.DirectoryOrganisationId).ToDictionaryAsync(c => c.NormalizedEmail, ct);
        var organisations = await OrganisationMatcher.LoadAsync(db, ct);
        int added = 0, updated = 0, skipped = 0, processed = 0;
        progress?.Report(new ImportProgress(0, rows.Valid.Count));
        foreach (var row in rows.Valid)
        {
            if (existing.TryGetValue(row.NormalizedEmail, out var contact))
            {
                if (request.Existing == ExistingContactPolicy.Skip)
                {
                    skipped++;
                }
                else
                {
                    row.Form.ApplyTo(contact, organisations, now);
                    updated++;
                }
            }
            else
            {
                contact = new Contact { Id = Guid.CreateVersion7(), DirectoryOrganisationId = request.DirectoryOrganisationId, Name = "", Email = "", NormalizedEmail = "", CreatedAtUtc = now };
                row.Form.ApplyTo(contact, organisations, now);
                db.Contacts.Add(contact);
                added++;
            }

            // An import may mark someone do-not-contact but never lifts it: only a person's own wish, recorded by hand, does.
            if (row.Form.DoNotContact && !(request.Existing == ExistingContactPolicy.Skip && existing.ContainsKey(row.NormalizedEmail)))
            {
                DoNotContactRule.Apply(db, audit, actor, contact, true, now);
            }

            if (++processed % BatchSize == 0)
            {
                await db.SaveChangesAsync(ct);
                progress?.Report(new ImportProgress(processed, rows.Valid.Count));
            }
        }

        var result = new ImportResult(added, updated, skipped, rows.Errors.Count);
        audit.Record(db, actor, "contacts.imported", null, nameof(Organisation), request.DirectoryOrganisationId.ToString(),
            $"{added} added, {updated} updated, {skipped} skipped, {result.LeftOut} rows with errors left out");
        await db.SaveChangesAsync(ct);
        progress?.Report(new ImportProgress(processed, rows.Valid.Count));
        return result;
    }

    /// <summary>Rows whose address was erased at the person's request become errors: such a person is never added again.</summary>
    private static async Task<CheckedRows> LeaveOutSuppressedAsync(EventHubDbContext db, CheckedRows rows, CancellationToken ct)
    {
        var suppressed = await EmailHash.SuppressedAmongAsync(db, rows.Valid.Select(r => r.NormalizedEmail), ct);
        if (suppressed.Count == 0)
        {
            return rows;
        }

        var errors = rows.Errors
            .Concat(rows.Valid.Where(r => suppressed.Contains(r.NormalizedEmail)).Select(r => new ImportRowError(r.Line, $"{r.NormalizedEmail} belongs to a person who asked to be erased; it may not be imported again.")))
            .OrderBy(e => e.Line).ToList();
        return rows with { Valid = rows.Valid.Where(r => !suppressed.Contains(r.NormalizedEmail)).ToList(), Errors = errors };
    }

    private static string Rows(int count) => count == 1 ? "1 row" : $"{count} rows";

    private sealed record CsvRow(int Line, string[] Fields);

    private sealed record CsvFile(string EncodingName, char Separator, IReadOnlyList<string> Headers, IReadOnlyList<CsvRow> Rows);

    private sealed record ValidRow(int Line, ContactForm Form, string NormalizedEmail);

    private sealed record CheckedRows(int Rows, List<ValidRow> Valid, List<ImportRowError> Errors);

    /// <summary>Reads the file and validates every row on its own and against the rows before it.</summary>
    private static Outcome<CheckedRows> Check(ImportRequest request)
    {
        var read = Read(request.File);
        if (read.Value is not { } csv)
        {
            return Outcome<CheckedRows>.Invalid(read.Errors);
        }

        foreach (var required in new[] { ContactField.Name, ContactField.Email })
        {
            if (request.Mapping.ColumnOf(required) is not { } column || column < 0 || column >= csv.Headers.Count)
            {
                return Outcome<CheckedRows>.Invalid("Mapping", $"Choose the column that holds the {ContactCsv.Header(required).ToLowerInvariant()}.");
            }
        }

        var valid = new List<ValidRow>();
        var errors = new List<ImportRowError>();
        var firstLineOf = new Dictionary<string, int>();
        foreach (var row in csv.Rows)
        {
            var (form, reasons) = ToForm(row, request.Mapping);
            string? normalized = null;
            if (!string.IsNullOrWhiteSpace(form.Email) && ContactForm.IsEmail(form.Email.Trim()))
            {
                normalized = Contact.Normalize(form.Email);
                if (!firstLineOf.TryAdd(normalized, row.Line))
                {
                    reasons.Add($"Same email as line {firstLineOf[normalized]} ({normalized}).");
                }
            }

            if (reasons.Count > 0)
            {
                errors.Add(new ImportRowError(row.Line, string.Join(" ", reasons)));
            }
            else
            {
                valid.Add(new ValidRow(row.Line, form, normalized!));
            }
        }

        return Outcome<CheckedRows>.Success(new CheckedRows(csv.Rows.Count, valid, errors));
    }

    private static readonly string[] FormFieldOrder =
        [nameof(ContactForm.Name), nameof(ContactForm.Email), nameof(ContactForm.Organisation), nameof(ContactForm.Position),
         nameof(ContactForm.Country), nameof(ContactForm.Tags), nameof(ContactForm.Notes), ""];

    private static (ContactForm Form, List<string> Reasons) ToForm(CsvRow row, ImportMapping mapping)
    {
        string? Cell(ContactField field) =>
            mapping.ColumnOf(field) is { } i && i >= 0 && i < row.Fields.Length && row.Fields[i].Trim() is { Length: > 0 } value ? value : null;

        var form = new ContactForm
        {
            Name = Cell(ContactField.Name),
            Email = Cell(ContactField.Email),
            Organisation = Cell(ContactField.Organisation),
            Position = Cell(ContactField.Position),
            Country = Cell(ContactField.Country),
            Tags = Cell(ContactField.Tags),
            Notes = Cell(ContactField.Notes),
        };
        var reasons = new List<string>();
        if (RequestValidation.Validate(form) is { } errors)
        {
            reasons.AddRange(FormFieldOrder.Where(errors.ContainsKey).SelectMany(f => errors[f]));
        }

        if (SectorNames.TryParse(Cell(ContactField.Sector), out var sector))
        {
            form.Sector = sector;
        }
        else
        {
            reasons.Add($"Unknown sector '{Cell(ContactField.Sector)}'; accepted values: {SectorNames.AcceptedList}.");
        }

        if (Cell(ContactField.Language) is { } language)
        {
            form.PreferredLanguage = Localization.Languages.Parse(language);
            if (form.PreferredLanguage is null)
            {
                reasons.Add($"Unknown language '{language}'; accepted values: en, fr, de (or English, French, German, Français, Deutsch).");
            }
        }

        if (ContactCsv.TryParseYesNo(Cell(ContactField.DoNotContact), out var doNotContact))
        {
            form.DoNotContact = doNotContact;
        }
        else
        {
            reasons.Add($"Do not contact must be yes or no, not '{Cell(ContactField.DoNotContact)}'.");
        }

        return (form, reasons);
    }

    private static Outcome<CsvFile> Read(byte[] file)
    {
        if (file.Length > ContactCsv.MaxFileBytes)
        {
            return Outcome<CsvFile>.Invalid("File", "The file is larger than 10 MB: split it into smaller files.");
        }

        var (text, encodingName) = Decode(file);
        var separator = DetectSeparator(text);
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = true,
            SkipEmptyLines = true,
            TrackLineNumbers = true,
            TrimWhitespace = true,
        };

        using var reader = CsvReader.Create(new StringReader(text), options);
        var headers = reader.Headers.Select(h => h.Trim()).ToArray();
        if (headers.All(string.IsNullOrWhiteSpace))
        {
            return Outcome<CsvFile>.Invalid("File", "The file is empty: it needs a header row and one row per expert.");
        }

        var rows = new List<CsvRow>();
        while (reader.Read())
        {
            var fields = new string[reader.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = Unprotect(reader.GetString(i) ?? "");
            }

            if (!fields.All(string.IsNullOrWhiteSpace))
            {
                rows.Add(new CsvRow(checked((int)reader.LineNumber), fields));
            }
        }

        return Outcome<CsvFile>.Success(new CsvFile(encodingName, separator, headers, rows));
    }

    /// <summary>Undoes the export's protection against spreadsheet formulas: a quote before =, +, - or @ goes.</summary>
    private static string Unprotect(string value) =>
        value.Length > 1 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise Windows-1252, what Excel writes in Western Europe.</summary>
    private static (string Text, string EncodingName) Decode(byte[] file)
    {
        if (file.Length >= 3 && file[0] == 0xEF && file[1] == 0xBB && file[2] == 0xBF)
        {
            return (Encoding.UTF8.GetString(file, 3, file.Length - 3), "UTF-8 with BOM");
        }

        try
        {
            return (StrictUtf8.GetString(file), "UTF-8");
        }
        catch (DecoderFallbackException)
        {
            return (Windows1252.GetString(file), "Windows-1252");
        }
    }

    /// <summary>Comma or semicolon, whichever the header line holds more of outside quotes (Excel in much of Europe writes semicolons).</summary>
    private static char DetectSeparator(string text)
    {
        int commas = 0, semicolons = 0;
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && c == '\n')
            {
                break;
            }
            else if (!quoted && c == ',')
            {
                commas++;
            }
            else if (!quoted && c == ';')
            {
                semicolons++;
            }
        }

        return semicolons > commas ? ';' : ',';
    }

    private static Encoding LoadWindows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
