namespace EventHub.Core.Data;

public enum ConsentScope
{
    /// <summary>The person may be named, without affiliation.</summary>
    NameOnly = 0,

    /// <summary>The person may be named with their organisation and position.</summary>
    NameAndAffiliation = 1,
}
