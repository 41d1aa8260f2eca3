from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return "home"


@app.route("/admin")
@login_required
def admin():
    return "admin"


@app.route("/about")
def about():
    return "about"
