namespace EventHub.Core.Data;

/// <summary>
/// What a staff member may do in an organisation, apart from any event. Event roles (<see cref="EventRole"/>) say what
/// someone may do to one event; these say who starts the organisation's events, who keeps its expert directory and who
/// hands out these roles. Administrators hold all of them everywhere.
/// </summary>
public enum OrganisationRole
{
    /// <summary>May create events owned by the organisation (and becomes their first organiser).</summary>
    CreatesEvents = 0,

    /// <summary>Keeps the organisation's expert directory: reads, edits, imports and exports its contacts.</summary>
    KeepsDirectory = 1,

    /// <summary>May grant and withdraw these roles within the organisation.</summary>
    ManagesOrganisation = 2,
}

/// <summary>One organisation role held by one staff member. The key is the triple, so a role is held at most once.</summary>
public class OrganisationRoleGrant
{
    public Guid OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }
    public required string UserId { get; set; }
    public ApplicationUser? User { get; set; }
    public OrganisationRole Role { get; set; }
    public DateTime GrantedAtUtc { get; set; }
}
