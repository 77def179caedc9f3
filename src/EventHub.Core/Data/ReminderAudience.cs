namespace EventHub.Core.Data;

public enum ReminderAudience
{
    /// <summary>Invitees who have not answered.</summary>
    NonResponders = 0,

    /// <summary>Registered attendees (pending or approved).</summary>
    Registered = 1,

    /// <summary>Everyone invited whose invitation is still open or accepted.</summary>
    AllInvitees = 2,
}
