using System.ComponentModel.DataAnnotations;
using MailKit.Security;

namespace EventHub.Core.Email;

public sealed class SmtpOptions
{
    public const string SectionName = "Smtp";

    public string Host { get; init; } = "localhost";

    [Range(1, 65535)]
    public int Port { get; init; } = 25;

    /// <summary>None, Auto, SslOnConnect, StartTls or StartTlsWhenAvailable.</summary>
    public SecureSocketOptions Security { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? UserName { get; init; }
    public string? Password { get; init; }

    [Range(1, 600)]
    public int TimeoutSeconds { get; init; } = 60;
}
