using EventHub.Core.Common;
using EventHub.Core.Features.Door;

namespace EventHub.Web.Components.Pages.Door;

/// <summary>A door panel whose last admission asked for confirmation (outside the event's day) and can repeat it, confirmed.</summary>
public interface IDoorConfirmation
{
    Task<Outcome<DoorAnswer>> ConfirmAsync();
}
