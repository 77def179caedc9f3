using System.ComponentModel.DataAnnotations;
using EventHub.Core.Common;
using EventHub.Core.Data;

namespace EventHub.Core.Features.Events;

/// <summary>What an organiser fills in to create or edit an event. Times are wall-clock times in <see cref="TimeZoneId"/>.</summary>
public sealed class EventForm : IValidatableObject
{
    [Required(ErrorMessage = "Enter a title.")]
    [StringLength(300, ErrorMessage = "The title can be at most 300 characters.")]
    public string? Title { get; set; }

    [StringLength(10_000, ErrorMessage = "The description can be at most 10,000 characters.")]
    public string? Description { get; set; }

    [Required(ErrorMessage = "Enter when the event starts.")]
    public DateTime? StartsLocal { get; set; }

    [Required(ErrorMessage = "Enter when the event ends.")]
    public DateTime? EndsLocal { get; set; }

    [Required(ErrorMessage = "Choose the event's time zone.")]
    public string? TimeZoneId { get; set; } = "Europe/Brussels";

    [StringLength(200, ErrorMessage = "The city can be at most 200 characters.")]
    public string? City { get; set; }

    [StringLength(500, ErrorMessage = "The venue can be at most 500 characters.")]
    public string? Venue { get; set; }

    [Range(1, 100_000, ErrorMessage = "Capacity must be between 1 and 100,000.")]
    public int Capacity { get; set; } = 35;

    [StringLength(300, ErrorMessage = "The host name can be at most 300 characters.")]
    public string? HostName { get; set; }

    public Guid? HostOrganisationId { get; set; }

    /// <summary>The organisation that owns the event. Staff create events for their own organisation; administrators choose.</summary>
    public Guid? OrganisationId { get; set; }

    public List<Guid> CoOrganiserIds { get; set; } = [];

    public EventStatus Status { get; set; } = EventStatus.Draft;

    /// <summary>The stamp the editor loaded; a save with an older stamp is refused as a conflict.</summary>
    public Guid ConcurrencyStamp { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(TimeZoneId) && !EventTime.IsKnownZone(TimeZoneId))
        {
            // Echo what was typed only while it is short enough to read.
            var what = TimeZoneId.Length <= 64 ? $"'{TimeZoneId}'" : "That";
            yield return new ValidationResult($"{what} is not a known time zone; use an IANA name such as Europe/Brussels.", [nameof(TimeZoneId)]);
            yield break;
        }

        if (StartsLocal is null || EndsLocal is null || string.IsNullOrWhiteSpace(TimeZoneId))
        {
            yield break;
        }

        if (!EventTime.IsPlausible(StartsLocal.Value) || !EventTime.IsPlausible(EndsLocal.Value))
        {
            if (!EventTime.IsPlausible(StartsLocal.Value))
            {
                yield return new ValidationResult(EventTime.ImplausibleMessage, [nameof(StartsLocal)]);
            }

            if (!EventTime.IsPlausible(EndsLocal.Value))
            {
                yield return new ValidationResult(EventTime.ImplausibleMessage, [nameof(EndsLocal)]);
            }

            yield break;
        }

        if (EventTime.ToUtc(StartsLocal.Value, TimeZoneId) is null)
        {
            yield return new ValidationResult("That start time does not exist in this time zone (the clocks skip it for summer time).", [nameof(StartsLocal)]);
        }

        if (EventTime.ToUtc(EndsLocal.Value, TimeZoneId) is null)
        {
            yield return new ValidationResult("That end time does not exist in this time zone (the clocks skip it for summer time).", [nameof(EndsLocal)]);
        }
        else if (EventTime.ToUtc(StartsLocal.Value, TimeZoneId) is { } start && EventTime.ToUtc(EndsLocal.Value, TimeZoneId) is { } end && end <= start)
        {
            yield return new ValidationResult("The end must be after the start.", [nameof(EndsLocal)]);
        }
    }

    public static EventForm From(Event e) => new()
    {
        Title = e.Title,
        Description = e.Description,
        StartsLocal = EventTime.ToLocal(e.StartsAtUtc, e.TimeZoneId),
        EndsLocal = EventTime.ToLocal(e.EndsAtUtc, e.TimeZoneId),
        TimeZoneId = e.TimeZoneId,
        City = e.City,
        Venue = e.Venue,
        Capacity = e.Capacity,
        HostName = e.HostName,
        HostOrganisationId = e.HostOrganisationId,
        OrganisationId = e.OrganisationId,
        CoOrganiserIds = e.CoOrganisers.Select(o => o.Id).ToList(),
        Status = e.Status,
        ConcurrencyStamp = e.ConcurrencyStamp,
    };

    /// <summary>Copies the validated form onto the entity.</summary>
    internal void ApplyTo(Event e, IReadOnlyList<Organisation> coOrganisers)
    {
        e.Title = Title!.Trim();
        e.Description = Description?.Trim();
        e.TimeZoneId = TimeZoneId!;
        e.StartsAtUtc = EventTime.ToUtc(StartsLocal!.Value, TimeZoneId!)!.Value;
        e.EndsAtUtc = EventTime.ToUtc(EndsLocal!.Value, TimeZoneId!)!.Value;
        e.City = City?.Trim();
        e.Venue = Venue?.Trim();
        e.Capacity = Capacity;
        e.HostName = HostName?.Trim();
        e.HostOrganisationId = HostOrganisationId;
        e.Status = Status;
        e.CoOrganisers.Clear();
        e.CoOrganisers.AddRange(coOrganisers);
    }
}
