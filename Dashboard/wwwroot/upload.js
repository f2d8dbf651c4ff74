// The data bar's "Upload CSV" button opens its hidden file input (Components/Panels/UploadButton.razor). Called while the
// user's click still counts as their gesture, so the browser opens its file picker.
window.dashboardUpload = { openPicker: input => input.click() };
