using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace EventHub.Core.Data;

internal sealed class ReportVersionConfiguration : IEntityTypeConfiguration<ReportVersion>
{
    public void Configure(EntityTypeBuilder<ReportVersion> b)
    {
        b.Property(v => v.SavedByName).HasMaxLength(256);
        b.HasIndex(v => new { v.ReportId, v.Number }).IsUnique();
    }
}
