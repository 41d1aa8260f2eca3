function View(el) {
  this.el = el;
}

View.prototype.hide = function () {
  this.el.style.display = "none";
  this.visible = false;
};

View.prototype.destroy = function () {
  this.el.remove();
};

module.exports = View;
