module example.com/needsmod

go 1.22

require example.com/notcached v1.2.3
