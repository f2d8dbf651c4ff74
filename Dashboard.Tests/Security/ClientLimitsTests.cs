using System.Net;
using Dashboard.Security;
using Dashboard.Tests.Components;
using Microsoft.Extensions.Options;

namespace Dashboard.Tests.Security;

public class ClientLimitsTests
{
    private readonly FakeTimeProvider _time = new();

    private ClientLimits Limits(SecurityOptions? options = null) => new(Options.Create(options ?? new SecurityOptions()), _time);

    [Fact]
    public void WrongRoomCode_TenFromOneAddress_TenthLocksOutForTheBackoff()
    {
        var limits = Limits();
        for (var i = 0; i < 9; i++) limits.WrongRoomCode("10.0.0.1");
        Assert.Null(limits.RoomCodeRefusal("10.0.0.1"));

        limits.WrongRoomCode("10.0.0.1");

        Assert.Equal("Too many wrong room codes from your network. Try again in 30 seconds, and check the code with whoever shared it.",
            limits.RoomCodeRefusal("10.0.0.1"));
        Assert.Null(limits.RoomCodeRefusal("10.0.0.2")); // another address is not affected
        _time.Advance(TimeSpan.FromSeconds(31));
        Assert.Null(limits.RoomCodeRefusal("10.0.0.1"));
    }

    [Fact]
    public void WrongRoomCode_EachFurtherLockOut_WaitsTwiceAsLongUpToAnHour()
    {
        var limits = Limits(new SecurityOptions { WrongRoomCodesPerAddress = 2, WrongRoomCodeBackoffSeconds = 60 });
        var waits = new List<string?>();
        for (var lockOut = 0; lockOut < 8; lockOut++)
        {
            limits.WrongRoomCode("a");
            limits.WrongRoomCode("a");
            waits.Add(limits.RoomCodeRefusal("a"));
            _time.Advance(TimeSpan.FromHours(2));
        }

        Assert.Contains("60 seconds", waits[0]);
        Assert.Contains("2 minutes", waits[1]);
        Assert.Contains("4 minutes", waits[2]);
        Assert.Contains("8 minutes", waits[3]);
        Assert.Contains("16 minutes", waits[4]);
        Assert.Contains("32 minutes", waits[5]);
        Assert.Contains("60 minutes", waits[6]);
        Assert.Contains("60 minutes", waits[7]);
    }

    [Fact]
    public void WrongRoomCode_SpreadBeyondTheWindow_NeverLocksOut()
    {
        var limits = Limits(new SecurityOptions { WrongRoomCodesPerAddress = 3, WrongRoomCodeWindowMinutes = 10 });
        for (var i = 0; i < 10; i++)
        {
            limits.WrongRoomCode("a");
            _time.Advance(TimeSpan.FromMinutes(6));
        }

        Assert.Null(limits.RoomCodeRefusal("a"));
    }

    [Fact]
    public void TryOpenRoom_OverThePerMinuteLimit_RefusedThenAllowedAMinuteLater()
    {
        var limits = Limits(new SecurityOptions { RoomsPerAddressPerMinute = 3 });

        Assert.All(Enumerable.Range(0, 3), _ => Assert.Null(limits.TryOpenRoom("a")));
        var refusal = limits.TryOpenRoom("a");

        Assert.Equal("Your network opened 3 rooms in the last minute, the limit. Wait a minute, or join an open room by its code.", refusal);
        Assert.Null(limits.TryOpenRoom("b"));
        _time.Advance(TimeSpan.FromSeconds(61));
        Assert.Null(limits.TryOpenRoom("a"));
    }

    [Fact]
    public void StartUpload_MoreAtOnceThanAllowed_RefusedUntilOneEnds()
    {
        var limits = Limits(new SecurityOptions { ConcurrentUploadsPerAddress = 2 });
        using var first = limits.StartUpload("a");
        var second = limits.StartUpload("a");

        using var third = limits.StartUpload("a");
        Assert.Equal("2 uploads from your network are still running. Wait for them to finish, then try again.", third.Refusal);

        second.Dispose();
        using var fourth = limits.StartUpload("a");
        Assert.Null(fourth.Refusal);
        Assert.Null(first.Refusal);
    }

    [Fact]
    public void Charge_OverTheHourlyBudget_RefusedUntilTheHourHasPassed()
    {
        var limits = Limits(new SecurityOptions { UploadMegabytesPerAddressPerHour = 1 });
        using (var lease = limits.StartUpload("a"))
        {
            Assert.Null(lease.Charge(600 * 1024));
            Assert.Null(lease.Charge(424 * 1024)); // exactly the budget
            Assert.Equal("Your network uploaded more than 1 MB in the last hour, the limit. Try again later.", lease.Charge(1));
        }
        _time.Advance(TimeSpan.FromMinutes(61));
        using var later = limits.StartUpload("a");
        Assert.Null(later.Charge(1024 * 1024));
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void KeyOf_Address_IPv4AsIsIPv6ByItsNetwork(string address, string key) =>
        Assert.Equal(key, ClientAddress.KeyOf(IPAddress.Parse(address)));
}
