using Microsoft.Playwright;

namespace Dashboard.Tests.EndToEnd;

/// <summary>Choosing a file in the data bar, as a user can.</summary>
internal static class PageUpload
{
    /// <summary>
    /// Waits until the Upload button is enabled, the page's sign that its file input takes a file, then chooses the file.
    /// Set earlier, the file was lost: the input was on the page before Blazor's script listened to it (UploadButton).
    /// </summary>
    public static async Task ChooseAsync(IPage page, string path)
    {
        await page.Locator("button.upload-button:enabled").WaitForAsync();
        await page.Locator("input.upload-input").SetInputFilesAsync(path);
    }
}
