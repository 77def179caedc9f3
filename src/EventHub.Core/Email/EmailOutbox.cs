using EventHub.Core.Data;

namespace EventHub.Core.Email;

/// <summary>
/// Adds outbox rows to the caller's context. It never saves: the rows commit, or roll back, with the caller's business change.
/// </summary>
public sealed class EmailOutbox(TimeProvider clock)
{
    public OutboundEmail Queue(EventHubDbContext db, EmailToQueue email)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var row = new OutboundEmail
        {
            Id = Guid.CreateVersion7(),
            CorrelationKey = email.CorrelationKey,
            ToAddress = email.ToAddress.Trim(),
            ToName = email.ToName,
            Subject = email.Subject,
            HtmlBody = email.Body.Html,
            TextBody = email.Body.Text,
            EventId = email.EventId,
            Status = OutboundEmailStatus.Pending,
            CreatedAtUtc = now,
            NextAttemptAtUtc = now,
            Attachments = email.Attachments?.Select(a => new OutboundEmailAttachment
            {
                Id = Guid.CreateVersion7(),
                FileName = a.FileName,
                ContentType = a.ContentType,
                Content = a.Content,
            }).ToList() ?? [],
        };
        db.OutboundEmails.Add(row);
        return row;
    }
}
