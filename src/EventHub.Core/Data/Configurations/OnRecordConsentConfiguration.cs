using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class OnRecordConsentConfiguration : IEntityTypeConfiguration<OnRecordConsent>
{
    public void Configure(EntityTypeBuilder<OnRecordConsent> b)
    {
        b.Property(c => c.Name).HasMaxLength(300);
        b.Property(c => c.Email).HasMaxLength(256);
        b.Property(c => c.Affiliation).HasMaxLength(300);
        b.Property(c => c.RequestTokenHash).HasMaxLength(64);
        b.Property(c => c.RecordedByName).HasMaxLength(256);
        b.PrimitiveCollection(c => c.AgendaItemIds);
        b.HasIndex(c => c.EventId);
        b.HasIndex(c => c.RequestTokenHash).IsUnique();
        b.HasOne<Event>().WithMany().HasForeignKey(c => c.EventId).OnDelete(DeleteBehavior.Cascade);
    }
}
