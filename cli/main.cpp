#include "cli/app.hpp"

int main(int argc, char** argv) { return cpconf::cli::run(argc, argv); }
