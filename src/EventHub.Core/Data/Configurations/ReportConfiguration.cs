using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class ReportConfiguration : IEntityTypeConfiguration<Report>
{
    public void Configure(EntityTypeBuilder<Report> b)
    {
        b.Property(r => r.Title).HasMaxLength(300);
        b.Property(r => r.UpdatedByName).HasMaxLength(256);
        b.Property(r => r.PublicSlug).HasMaxLength(100);
        b.PrimitiveCollection(r => r.RequiredReviewGroups);
        b.HasIndex(r => r.EventId).IsUnique();
        b.HasIndex(r => r.PublicSlug).IsUnique();
        b.HasOne(r => r.Event).WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Versions).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Reviews).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Comments).WithOne().HasForeignKey(v => v.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}
