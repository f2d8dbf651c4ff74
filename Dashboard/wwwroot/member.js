// The live page's member name and key from this browser's local storage, both in one call
// (Components/Pages/DashboardPage.razor.cs): a first visit waits for them before it enters the room.
window.dashboardMember = { read: (nameKey, memberKey) => [localStorage.getItem(nameKey), localStorage.getItem(memberKey)] };
