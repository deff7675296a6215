#include <string>

#include <doctest/doctest.h>

#include "cpconf/render/render.hpp"
#include "cpconf/text/html_escape.hpp"

namespace {

// The page without its head (the style sheet is long and tested in the browser).
std::string body_of(const std::string& html) {
  auto start = html.find("<body>");
  REQUIRE(start != std::string::npos);
  return html.substr(start);
}

}  // namespace

TEST_CASE("render html: escaping covers element text and quoted attributes") {
  CHECK(cpconf::html_escape("<script>alert('x & \"y\"')</script>") ==
        "&lt;script&gt;alert(&#39;x &amp; &quot;y&quot;&#39;)&lt;/script&gt;");
}

TEST_CASE("render html: the head forbids scripts and fetches") {
  std::string html = cpconf::write_html({}, {});
  CHECK(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n"));
  CHECK(html.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">") != std::string::npos);
  CHECK(html.find("<script") == std::string::npos);
  CHECK(html.find("@page") != std::string::npos);
}

TEST_CASE("render html: the whole body, with a vote bar in proportion") {
  cpconf::Document d;
  d.title = "Initial <child> conference";
  d.subtitle = "1 May 2026";
  cpconf::Table t;
  t.caption = "Votes";
  t.columns = {{"Grouping"}, {"Reasoning", true}};
  t.groups = {{"", {{{"Police", cpconf::Tone::strong}, {"\"<b>\" & more"}}}}};
  d.sections.push_back({2, "decisions", "Decisions", {}});
  // 4 of 5 votes for a plan: 4/5 of the 480-unit bar is 384.
  d.sections.push_back({3, "decision-1", "Ann: plan", {cpconf::VoteBar{4, 1, "plan", "no plan", "Votes 4-1."}, t}});
  d.source = "a'.yaml";
  std::string expected =
      "<body>\n"
      "<header class=\"masthead\">\n<p class=\"marking\">Confidential</p>\n"
      "<h1>Initial &lt;child&gt; conference</h1>\n<p class=\"subtitle\">1 May 2026</p>\n</header>\n"
      "<nav aria-label=\"Contents\">\n<p class=\"nav-title\">Contents</p>\n<ol>\n"
      "<li><a href=\"#decisions\">Decisions</a></li>\n</ol>\n</nav>\n"
      "<main id=\"main\">\n"
      "<section aria-labelledby=\"decisions\">\n<h2 id=\"decisions\">Decisions</h2>\n"
      "<section aria-labelledby=\"decision-1\">\n<h3 id=\"decision-1\">Ann: plan</h3>\n"
      "<figure class=\"vote\">\n"
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 480 40\" width=\"480\" height=\"40\" role=\"img\" "
      "aria-labelledby=\"vote-1\">\n<title>Votes 4-1.</title>\n"
      "<rect class=\"bar-plan\" x=\"0.0\" y=\"4\" width=\"384.0\" height=\"32\"><title>plan 4</title></rect>\n"
      "<text class=\"bar-plan-label\" x=\"8.0\" y=\"25\">plan 4</text>\n"
      "<rect class=\"bar-no-plan\" x=\"384.0\" y=\"4\" width=\"96.0\" height=\"32\"><title>no plan 1</title></rect>\n"
      "<text class=\"bar-no-plan-label\" x=\"392.0\" y=\"25\">no plan 1</text>\n"
      "</svg>\n<figcaption id=\"vote-1\">Votes 4-1.</figcaption>\n</figure>\n"
      "<table>\n<caption>Votes</caption>\n"
      "<thead><tr><th scope=\"col\">Grouping</th><th scope=\"col\">Reasoning</th></tr></thead>\n"
      "<tbody>\n<tr><th scope=\"row\"><strong>Police</strong></th>"
      "<td class=\"text\">&quot;&lt;b&gt;&quot; &amp; more</td></tr>\n</tbody>\n</table>\n"
      "</section>\n</section>\n</main>\n"
      "<footer>\n<p>Rendered from a&#39;.yaml.</p>\n</footer>\n"
      "</body>\n</html>\n";
  CHECK(body_of(cpconf::write_html(d, {})) == expected);
}
