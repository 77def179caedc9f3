using EventHub.Core.Data;
using Microsoft.Extensions.Options;
using MimeKit;

namespace EventHub.Core.Email;

/// <summary>Turns an outbox row into a MIME message: HTML and text parts, attachments, and a Message-ID derived from the row.</summary>
public sealed class MimeMessageFactory(IOptions<EmailOptions> options)
{
    private readonly MailboxAddress from = MailboxAddress.Parse(options.Value.From);

    public string MessageIdFor(Guid emailId) => $"{emailId:N}@{Domain}";

    private string Domain => from.Domain is { Length: > 0 } d ? d : "eventhub.local";

    public MimeMessage Create(OutboundEmail email)
    {
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(new MailboxAddress(email.ToName ?? "", email.ToAddress));
        message.Subject = email.Subject;
        message.MessageId = MessageIdFor(email.Id);
        message.Date = new DateTimeOffset(DateTime.SpecifyKind(email.CreatedAtUtc, DateTimeKind.Utc));
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var body = new BodyBuilder { HtmlBody = email.HtmlBody, TextBody = email.TextBody };
        foreach (var attachment in email.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
