from flask import Flask

app = Flask(__name__)


@app.route("/")
def index():
    return "home"


@login_required
@app.route("/admin")
def admin():
    return "admin"


@app.route("/about")
def about():
    return "about"
