namespace EventHub.Core.Features.Directory;

/// <summary>The fields of a contact that a CSV file can hold, in the order the export writes them.</summary>
public enum ContactField
{
    Name,
    Email,
    Organisation,
    Sector,
    Position,
    Country,
    Tags,
    Notes,
    DoNotContact,

    /// <summary>The language EventHub writes to the person in: en, fr or de (or English, Français, Deutsch…).</summary>
    Language,
}

/// <summary>The directory's CSV columns: the headers the export writes and the ones the import recognises.</summary>
public static class ContactCsv
{
    public const int MaxFileBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, ContactField> Recognised = new()
    {
        ["name"] = ContactField.Name,
        ["fullname"] = ContactField.Name,
        ["contactname"] = ContactField.Name,
        ["expert"] = ContactField.Name,
        ["email"] = ContactField.Email,
        ["emailaddress"] = ContactField.Email,
        ["mail"] = ContactField.Email,
        ["organisation"] = ContactField.Organisation,
        ["organization"] = ContactField.Organisation,
        ["employer"] = ContactField.Organisation,
        ["institution"] = ContactField.Organisation,
        ["affiliation"] = ContactField.Organisation,
        ["sector"] = ContactField.Sector,
        ["position"] = ContactField.Position,
        ["title"] = ContactField.Position,
        ["jobtitle"] = ContactField.Position,
        ["function"] = ContactField.Position,
        ["country"] = ContactField.Country,
        ["tags"] = ContactField.Tags,
        ["tag"] = ContactField.Tags,
        ["notes"] = ContactField.Notes,
        ["note"] = ContactField.Notes,
        ["comments"] = ContactField.Notes,
        ["donotcontact"] = ContactField.DoNotContact,
        ["dnc"] = ContactField.DoNotContact,
        ["donotinvite"] = ContactField.DoNotContact,
        ["language"] = ContactField.Language,
        ["lang"] = ContactField.Language,
        ["preferredlanguage"] = ContactField.Language,
        ["langue"] = ContactField.Language,
        ["sprache"] = ContactField.Language,
    };

    public static string Header(ContactField field) => field switch
    {
        ContactField.DoNotContact => "Do not contact",
        _ => field.ToString(),
    };

    /// <summary>Which field a header names ("E-mail", "Full name", "Organization"…), or null.</summary>
    public static ContactField? Recognise(string header)
    {
        var key = new string(header.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        return Recognised.TryGetValue(key, out var field) ? field : null;
    }

    public static string YesNo(bool value) => value ? "yes" : "";

    /// <summary>Empty is no; yes/no, true/false, y/n, x, 1/0 are understood.</summary>
    public static bool TryParseYesNo(string? text, out bool value)
    {
        switch ((text ?? "").Trim().ToLowerInvariant())
        {
            case "":
            case "no":
            case "n":
            case "false":
            case "0":
                value = false;
                return true;
            case "yes":
            case "y":
            case "true":
            case "x":
            case "1":
                value = true;
                return true;
            default:
                value = false;
                return false;
        }
    }
}
