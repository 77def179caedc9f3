using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Action).HasMaxLength(100);
        b.Property(a => a.ActorUserId).HasMaxLength(450);
        b.Property(a => a.ActorName).HasMaxLength(300);
        b.Property(a => a.SubjectType).HasMaxLength(100);
        b.Property(a => a.SubjectId).HasMaxLength(100);
        b.Property(a => a.ContentDigest).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => new { a.EventId, a.AtUtc });
        b.HasIndex(a => a.AtUtc);
        b.HasIndex(a => new { a.ActorUserId, a.AtUtc });
        b.HasIndex(a => new { a.Action, a.AtUtc });
        b.HasIndex(a => a.ChainIndex).IsUnique();
    }
}
