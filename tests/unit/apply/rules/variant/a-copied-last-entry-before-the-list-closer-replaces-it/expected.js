import Home from "./Home";

const routes = [
  { path: "/", component: Home },
  { path: "/about", component: AboutPage },
];

export default routes;
