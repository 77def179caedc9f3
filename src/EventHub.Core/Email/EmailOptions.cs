using System.ComponentModel.DataAnnotations;

namespace EventHub.Core.Email;

public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public EmailTransportKind Transport { get; init; } = EmailTransportKind.Pickup;

    /// <summary>The sender, e.g. "EventHub &lt;no-reply@eventhub.example&gt;".</summary>
    [Required]
    public string From { get; init; } = "EventHub <no-reply@eventhub.local>";

    /// <summary>Folder for the Pickup transport; relative paths are under the content root.</summary>
    [Required]
    public string PickupDirectory { get; init; } = "App_Data/mail-pickup";

    /// <summary>How many messages one dispatcher claims at a time.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; init; } = 100;

    /// <summary>Attempts before a temporarily refused message is marked Failed.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; init; } = 8;

    /// <summary>First retry delay after a 4xx answer; it doubles with every attempt, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromHours(2);

    /// <summary>The relay's limit in messages per minute (0: none). Dispatchers on every node together stay under it.</summary>
    [Range(0, 1_000_000)]
    public int RelayMessagesPerMinute { get; init; }

    /// <summary>How long a claim lasts; a dispatcher that dies mid-batch leaves rows that another takes over after this.</summary>
    public TimeSpan ClaimTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
