using Bunit;
using Dashboard.Components.Shared;

namespace Dashboard.Tests.Components.Shared;

public class HeldContentTests : ComponentTest
{
    private IRenderedComponent<HeldContent> Render(string text, bool hold) =>
        Context.Render<HeldContent>(p => p.Add(c => c.Hold, hold).AddChildContent($"<p>{text}</p>"));

    [Fact]
    public void FirstRender_Held_StillShowsItsContent()
    {
        var held = Render("cards", hold: true);

        Assert.Equal("cards", held.Find("p").TextContent);
    }

    [Fact]
    public void Held_KeepsWhatItShowed_UntilReleased()
    {
        var held = Render("before the move", hold: false);

        held.Render(p => p.Add(c => c.Hold, true).AddChildContent("<p>after the move</p>"));
        Assert.Equal("before the move", held.Find("p").TextContent);

        held.Render(p => p.Add(c => c.Hold, false).AddChildContent("<p>after the move</p>"));
        Assert.Equal("after the move", held.Find("p").TextContent);
    }
}
