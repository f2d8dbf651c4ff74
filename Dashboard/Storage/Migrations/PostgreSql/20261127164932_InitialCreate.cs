using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Dashboard.Storage.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Datasets",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    SizeBytes = table.Column<long>(type: "bigint", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Columns = table.Column<int>(type: "integer", nullable: false),
                    ProfileJson = table.Column<string>(type: "text", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Datasets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Rooms",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    StateJson = table.Column<string>(type: "text", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Rooms", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "Runs",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    RoomCode = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DatasetSource = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    DatasetName = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Target = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    PositiveClass = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    NegativeClass = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Credit = table.Column<string>(type: "text", nullable: true),
                    TrainRows = table.Column<int>(type: "integer", nullable: false),
                    TestRows = table.Column<int>(type: "integer", nullable: false),
                    SplitSeed = table.Column<int>(type: "integer", nullable: false),
                    TestShare = table.Column<double>(type: "double precision", nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: false),
                    Leaky = table.Column<bool>(type: "boolean", nullable: false),
                    MovedSliderId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Seconds = table.Column<double>(type: "double precision", nullable: false),
                    ChoiceJson = table.Column<string>(type: "text", nullable: false),
                    SlidersJson = table.Column<string>(type: "text", nullable: false),
                    AlgorithmsJson = table.Column<string>(type: "text", nullable: false),
                    TrainingJson = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Runs", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RunResults",
                columns: table => new
                {
                    RunId = table.Column<string>(type: "character varying(64)", nullable: false),
                    AlgorithmId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    DisplayName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Error = table.Column<string>(type: "text", nullable: true),
                    HyperparametersJson = table.Column<string>(type: "text", nullable: false),
                    ClassWeightJson = table.Column<string>(type: "text", nullable: false),
                    TrainingRows = table.Column<int>(type: "integer", nullable: false),
                    Threshold = table.Column<double>(type: "double precision", nullable: true),
                    TruePositives = table.Column<int>(type: "integer", nullable: true),
                    FalsePositives = table.Column<int>(type: "integer", nullable: true),
                    TrueNegatives = table.Column<int>(type: "integer", nullable: true),
                    FalseNegatives = table.Column<int>(type: "integer", nullable: true),
                    Accuracy = table.Column<double>(type: "double precision", nullable: true),
                    Precision = table.Column<double>(type: "double precision", nullable: true),
                    Recall = table.Column<double>(type: "double precision", nullable: true),
                    Specificity = table.Column<double>(type: "double precision", nullable: true),
                    F1 = table.Column<double>(type: "double precision", nullable: true),
                    F2 = table.Column<double>(type: "double precision", nullable: true),
                    BalancedAccuracy = table.Column<double>(type: "double precision", nullable: true),
                    GeometricMean = table.Column<double>(type: "double precision", nullable: true),
                    Mcc = table.Column<double>(type: "double precision", nullable: true),
                    RocAuc = table.Column<double>(type: "double precision", nullable: true),
                    PrAuc = table.Column<double>(type: "double precision", nullable: true),
                    SupportPositive = table.Column<int>(type: "integer", nullable: true),
                    SupportNegative = table.Column<int>(type: "integer", nullable: true),
                    UndefinedJson = table.Column<string>(type: "text", nullable: true),
                    FeaturizeSeconds = table.Column<double>(type: "double precision", nullable: false),
                    FitSeconds = table.Column<double>(type: "double precision", nullable: false),
                    ScoreSeconds = table.Column<double>(type: "double precision", nullable: false),
                    TestScores = table.Column<string>(type: "text", nullable: false),
                    TestLabels = table.Column<string>(type: "text", nullable: false),
                    CurvesJson = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RunResults", x => new { x.RunId, x.AlgorithmId });
                    table.ForeignKey(
                        name: "FK_RunResults_Runs_RunId",
                        column: x => x.RunId,
                        principalTable: "Runs",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RunResults_AlgorithmId",
                table: "RunResults",
                column: "AlgorithmId");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_CompletedAt",
                table: "Runs",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_DatasetName",
                table: "Runs",
                column: "DatasetName");

            migrationBuilder.CreateIndex(
                name: "IX_Runs_RoomCode_CompletedAt",
                table: "Runs",
                columns: new[] { "RoomCode", "CompletedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Datasets");

            migrationBuilder.DropTable(
                name: "Rooms");

            migrationBuilder.DropTable(
                name: "RunResults");

            migrationBuilder.DropTable(
                name: "Runs");
        }
    }
}
