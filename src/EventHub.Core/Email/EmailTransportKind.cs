namespace EventHub.Core.Email;

public enum EmailTransportKind
{
    /// <summary>Writes each message as an .eml file into <see cref="EmailOptions.PickupDirectory"/>: the embedded default.</summary>
    Pickup,

    /// <summary>Sends through an SMTP relay with MailKit.</summary>
    Smtp,
}
