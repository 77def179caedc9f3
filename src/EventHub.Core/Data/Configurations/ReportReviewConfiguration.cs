using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class ReportReviewConfiguration : IEntityTypeConfiguration<ReportReview>
{
    public void Configure(EntityTypeBuilder<ReportReview> b)
    {
        b.Property(r => r.Group).HasMaxLength(100);
        b.Property(r => r.ReviewerName).HasMaxLength(256);
        b.HasIndex(r => new { r.ReportId, r.Group, r.Superseded });
    }
}
