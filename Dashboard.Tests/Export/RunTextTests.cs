using Dashboard.Core.Export;
using Dashboard.Core.Resampling;
using Dashboard.Core.Rooms;

namespace Dashboard.Tests.Export;

public class RunTextTests
{
    [Fact]
    public void Position_ClassBalanceTrack_SaysTheSideAndItsMethod_NeutralIsNeutral()
    {
        var track = SliderState.BalanceTrack("class", new ClassGroup(1)) with { Under = UndersamplingMethod.NearMiss1 };

        Assert.Equal("neutral", RunText.Position(track));
        Assert.Equal("balance -50.0% (majority undersampled: NearMiss1)", RunText.Position(track with { Balance = -0.5 }));
        Assert.Equal("balance +100.0% (minority oversampled: Smote, k=5)", RunText.Position(track with { Balance = 1 }));
        Assert.Equal("40.0% (under: Random, over: Smote, k=5)", RunText.Position(new SliderState("class", new ClassGroup(1), 0.4)));
    }
}
