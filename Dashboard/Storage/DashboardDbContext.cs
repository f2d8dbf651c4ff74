using Microsoft.EntityFrameworkCore;

namespace Dashboard.Storage;

/// <summary>
/// The run history, rooms and upload records. One model for every provider; each provider has a
/// subclass only so that its migrations live apart (SQLite and PostgreSQL DDL differ).
/// </summary>
public abstract class DashboardDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<RunEntity> Runs => Set<RunEntity>();

    public DbSet<RunResultEntity> RunResults => Set<RunResultEntity>();

    public DbSet<DatasetEntity> Datasets => Set<DatasetEntity>();

    public DbSet<RoomEntity> Rooms => Set<RoomEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<RunEntity>(run =>
        {
            run.ToTable("Runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.Id).HasMaxLength(64);
            run.Property(r => r.RoomCode).HasMaxLength(16);
            run.Property(r => r.StartedBy).HasMaxLength(200);
            run.Property(r => r.Reason).HasMaxLength(1000);
            run.Property(r => r.DatasetSource).HasMaxLength(300);
            run.Property(r => r.DatasetName).HasMaxLength(300);
            run.Property(r => r.Target).HasMaxLength(300);
            run.Property(r => r.PositiveClass).HasMaxLength(300);
            run.Property(r => r.NegativeClass).HasMaxLength(300);
            run.Property(r => r.MovedSliderId).HasMaxLength(400);
            run.Property(r => r.CompletedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
            run.HasIndex(r => r.CompletedAt);
            run.HasIndex(r => new { r.RoomCode, r.CompletedAt });
            run.HasIndex(r => r.DatasetName);
            run.HasMany(r => r.Results).WithOne(r => r.Run).HasForeignKey(r => r.RunId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RunResultEntity>(result =>
        {
            result.ToTable("RunResults");
            result.HasKey(r => new { r.RunId, r.AlgorithmId });
            result.Property(r => r.AlgorithmId).HasMaxLength(64);
            result.Property(r => r.DisplayName).HasMaxLength(200);
            result.Property(r => r.Status).HasMaxLength(20);
            result.HasIndex(r => r.AlgorithmId);
        });
        modelBuilder.Entity<DatasetEntity>(dataset =>
        {
            dataset.ToTable("Datasets");
            dataset.HasKey(d => d.Id);
            dataset.Property(d => d.Id).HasMaxLength(64);
            dataset.Property(d => d.DisplayName).HasMaxLength(300);
            dataset.Property(d => d.UploadedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        });
        modelBuilder.Entity<RoomEntity>(room =>
        {
            room.ToTable("Rooms");
            room.HasKey(r => r.Code);
            room.Property(r => r.Code).HasMaxLength(16);
            room.Property(r => r.UpdatedAt).HasConversion(v => v, v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
        });
    }
}
