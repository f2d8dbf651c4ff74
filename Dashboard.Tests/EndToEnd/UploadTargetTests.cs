using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>An upload in a real browser: the target is proposed with its reason, and the room trains only once the user confirms.</summary>
[Collection(BrowserCollection.Name)]
public class UploadTargetTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Upload_ProposesTheBinaryColumnNotTheTwelveClassLastOne_TrainsOnlyAfterConfirm()
    {
        var page = await fixture.NewRoomAsync();

        await PageUpload.ChooseAsync(page, TestData.PathOf("good/churn_month_last.csv"));
        try
        {
            await page.Locator(".target-proposal").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        }
        catch (TimeoutException)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "upload-proposal-missing.png"), FullPage = true });
            throw new TimeoutException("No target proposal after the upload; the data bar said: " + await page.Locator(".data-bar").InnerTextAsync());
        }

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(BrowserFixture.ArtifactFolder, "upload-proposal.png") });
        Assert.Equal("churned", await page.Locator(".proposed-target").InnerTextAsync());
        Assert.Contains("it has two values (no, yes)", await page.Locator(".target-proposal").InnerTextAsync());
        await page.WaitForTimeoutAsync(1000);
        Assert.DoesNotContain("loaded churn_month_last", await page.Locator(".room-bar").InnerTextAsync()); // nothing loaded or trained yet
        Assert.Contains("Titanic", await page.Locator(".data-credit").InnerTextAsync());

        await page.Locator("button.confirm-target").ClickAsync();

        await page.WaitForFunctionAsync("() => /churn_month_last/.test(document.querySelector('.data-credit')?.innerText ?? '')",
            null, new PageWaitForFunctionOptions { Timeout = 180_000 });
        await PageCards.DoneAsync(page);
        Assert.Equal(0, await page.Locator(".target-proposal").CountAsync());
        Assert.Contains("churned", await page.Locator(".algorithm-card").First.InnerTextAsync());
    }
}
