namespace EventHub.Core.Features.Access;

/// <summary>A column building security may ask for on the access list. Stored by name in <c>Event.AccessListFields</c>.</summary>
public enum AccessListField
{
    Name,
    Organisation,
    Position,
    Email,
    Phone,
    DateOfBirth,
    Nationality,
    DocumentType,
    DocumentNumber,
}

/// <summary>The access list's columns: their labels, which are security data, and what an event asks for.</summary>
public static class AccessListColumns
{
    /// <summary>What a list holds when the organiser has chosen nothing: enough for a guard to find a name.</summary>
    public static readonly IReadOnlyList<AccessListField> Default = [AccessListField.Name, AccessListField.Organisation];

    public static string Label(AccessListField field) => field switch
    {
        AccessListField.DateOfBirth => "Date of birth",
        AccessListField.DocumentType => "Identity document",
        AccessListField.DocumentNumber => "Document number",
        _ => field.ToString(),
    };

    /// <summary>Date of birth, nationality and the identity document: encrypted at rest, exported only by organisers.</summary>
    public static bool IsSecurity(AccessListField field) => field is AccessListField.DateOfBirth or AccessListField.Nationality or AccessListField.DocumentType or AccessListField.DocumentNumber;

    /// <summary>The event's chosen fields in the canonical order; unknown names (from an older version) are ignored.</summary>
    public static IReadOnlyList<AccessListField> Chosen(IEnumerable<string> stored)
    {
        var set = stored.Select(s => Enum.TryParse<AccessListField>(s, out var f) ? f : (AccessListField?)null).OfType<AccessListField>().ToHashSet();
        return set.Count == 0 ? Default : Enum.GetValues<AccessListField>().Where(set.Contains).ToList();
    }
}
