function setupA() {
  var button = document.getElementById("a");
  button.onclick = function () {
    alert("a");
    log("a");
  };
}

function setupB() {
  var button = document.getElementById("b");
  button.onclick = function () {
    alert("b");
    log("b");
  };
}
