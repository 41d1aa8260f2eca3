// ... existing code ...

View.prototype.conceal = function () {
  this.el.style.display = "none";
  this.visible = false;
};

View.prototype.destroy = function () {
// ... existing code ...
