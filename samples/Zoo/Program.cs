Inkwell.Samples.Zoo.ZooTour.Run(Console.Out);
