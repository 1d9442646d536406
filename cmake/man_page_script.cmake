# Writes OUTPUT, the costgate(1) man page, from the --help text of COSTGATE (the built
# binary, run through EMULATOR when cross-compiled) and of each of its subcommands, so the
# page never drifts from the options. VERSION and DATE go in the page's header.
set(run ${EMULATOR} "${COSTGATE}")

# The --help text of `costgate WORDS...`, with the binary's path replaced by its name.
function(help_text out)
    execute_process(COMMAND ${run} ${ARGN} --help OUTPUT_VARIABLE text RESULT_VARIABLE status)
    if(NOT status EQUAL 0)
        message(FATAL_ERROR "costgate ${ARGN} --help exited with ${status}")
    endif()
    string(REGEX REPLACE "Usage: [^ \n]*costgate" "Usage: costgate" text "${text}")
    set(${out} "${text}" PARENT_SCOPE)
endfunction()

# The subcommand names a --help text lists under "Subcommands:".
function(subcommands out text)
    set(names "")
    string(REGEX MATCH "\nSubcommands:\n.*" block "${text}")
    string(REGEX MATCHALL "\n  [a-z][a-z-]*" lines "${block}")
    foreach(line IN LISTS lines)
        string(STRIP "${line}" name)
        list(APPEND names "${name}")
    endforeach()
    set(${out} "${names}" PARENT_SCOPE)
endfunction()

# Help text as literal roff: no fill, backslashes escaped, no line read as a request.
function(roff_block out text)
    string(REPLACE "\\" "\\e" text "${text}")
    string(REGEX REPLACE "\n([.'])" "\n\\\\&\\1" text "\n${text}")
    set(${out} ".nf${text}.fi\n" PARENT_SCOPE)
endfunction()

help_text(top)
roff_block(block "${top}")
set(page ".TH COSTGATE 1 \"${DATE}\" \"costgate ${VERSION}\" \"User Commands\"
.SH NAME
costgate \\- monthly cost estimate and cost-policy gate for Terraform plans and Kubernetes manifests
.SH SYNOPSIS
.B costgate
.I subcommand
[\\fIoptions\\fR]
.SH DESCRIPTION
costgate estimates what a Terraform plan or a set of Kubernetes manifests will cost per
month, from a price catalog compiled into the binary, and enforces cost policies written in
YAML. The policy packs shipped with it are in /usr/share/costgate/policies.
.SH EXIT STATUS
0: pass (warnings allowed); 1: at least one fail finding that no exemption covers;
2: bad input, bad policy or bad usage (the message names the file).
.SH OPTIONS
${block}")
subcommands(names "${top}")
foreach(name IN LISTS names)
    help_text(text ${name})
    roff_block(block "${text}")
    string(APPEND page ".SH \"COSTGATE ${name}\"\n${block}")
    subcommands(nested "${text}")
    foreach(child IN LISTS nested)
        help_text(text ${name} ${child})
        roff_block(block "${text}")
        string(APPEND page ".SS \"costgate ${name} ${child}\"\n${block}")
    endforeach()
endforeach()
string(APPEND page ".SH SEE ALSO
The documentation in the docs/ folder of costgate's source: policies, catalog, CI set-up.
")
file(WRITE "${OUTPUT}" "${page}")
