using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class AttributionDismissalConfiguration : IEntityTypeConfiguration<AttributionDismissal>
{
    public void Configure(EntityTypeBuilder<AttributionDismissal> b)
    {
        b.Property(d => d.FindingKey).HasMaxLength(400);
        b.Property(d => d.MatchedText).HasMaxLength(300);
        b.Property(d => d.ByName).HasMaxLength(256);
        b.HasIndex(d => new { d.ReportId, d.FindingKey }).IsUnique();
        b.HasOne<Report>().WithMany().HasForeignKey(d => d.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
