namespace EventHub.Core.Data;

public class OutboundEmailAttachment
{
    public Guid Id { get; set; }
    public Guid OutboundEmailId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public required byte[] Content { get; set; }
}
