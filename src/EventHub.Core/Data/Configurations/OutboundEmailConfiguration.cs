using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class OutboundEmailConfiguration : IEntityTypeConfiguration<OutboundEmail>
{
    public void Configure(EntityTypeBuilder<OutboundEmail> b)
    {
        b.Property(e => e.CorrelationKey).HasMaxLength(200);
        b.HasIndex(e => e.CorrelationKey).IsUnique();
        b.Property(e => e.ToAddress).HasMaxLength(320);
        b.Property(e => e.ToName).HasMaxLength(300);
        b.Property(e => e.Subject).HasMaxLength(500);
        b.HasIndex(e => new { e.Status, e.NextAttemptAtUtc });
        b.HasIndex(e => new { e.EventId, e.CreatedAtUtc });
        b.HasIndex(e => e.ClaimToken);
        b.HasOne<Event>().WithMany().HasForeignKey(e => e.EventId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.OutboundEmailId).OnDelete(DeleteBehavior.Cascade);
    }
}
