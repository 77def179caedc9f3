using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class InvitationHistoryEntryConfiguration : IEntityTypeConfiguration<InvitationHistoryEntry>
{
    public void Configure(EntityTypeBuilder<InvitationHistoryEntry> b)
    {
        b.Property(h => h.Action).HasMaxLength(50);
        b.Property(h => h.ActorName).HasMaxLength(300);
        b.HasIndex(h => new { h.InvitationId, h.AtUtc });
    }
}
